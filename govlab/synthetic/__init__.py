"""Synthetic data at national scale: fictitious agencies, projects, events and
progress updates in Thai and English, for load tests and benchmarks.

plan holds the distributions and why they were chosen; records, projects and
progress_updates build the rows; database writes them in bulk; load runs it all and
clear takes it out again (``manage.py load_synthetic_data [--clear]``).
"""
