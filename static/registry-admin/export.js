// The export page's "Select all" box ticks or clears every column's box. Bound here
// because the Content-Security-Policy refuses inline event handlers.
document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.getElementById("select-all-toggle");
  if (!toggle) {
    return;
  }
  toggle.addEventListener("change", () => {
    const boxes = document.querySelectorAll(
      '.selectable-field-export-row input[type="checkbox"]'
    );
    boxes.forEach((box) => {
      box.checked = toggle.checked;
    });
  });
});
