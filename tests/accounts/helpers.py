PASSWORD = "ฝนตกที่กรุงเทพ-2563"


def signed_in_user_id(client):
    """The id of the account the test client's session is signed in as, or None."""
    value = client.session.get("_auth_user_id")
    return int(value) if value else None
