"""Schemathesis checks of notaflow's own error contract: every 4xx answer is an RFC 9457 problem+json document."""
import json

import schemathesis


@schemathesis.check
def problem_json_on_4xx(ctx, response, case):
    if not 400 <= response.status_code < 500:
        return None
    content_type = response.headers.get("content-type", [""])
    content_type = content_type[0] if isinstance(content_type, list) else content_type
    assert content_type.startswith("application/problem+json"), (
        f"{response.status_code} answered with content-type {content_type!r}, not application/problem+json"
    )
    body = json.loads(response.content)
    for field in ("type", "title", "status", "detail"):
        assert field in body, f"problem document without {field!r}: {body}"
    assert body["status"] == response.status_code, f"status {body['status']} in the body, {response.status_code} on the wire"
    return None
