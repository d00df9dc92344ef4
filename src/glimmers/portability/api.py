"""`GET /api/export`: the person's whole journal as Glimmers JSON, streamed."""

from __future__ import annotations

from django.http import StreamingHttpResponse
from ninja import Router

from glimmers.lib.apierrors import ERRORS
from glimmers.lib.http import SignedInRequest
from glimmers.portability import services

router = Router(tags=["your data"])


@router.get(
    "/export",
    response={200: dict, **ERRORS},
    summary="Everything I own, as Glimmers JSON",
    description="The full-fidelity export (format `glimmers-export`, version 1; its JSON Schema and "
    "description are in docs/export.md). Streamed, so it starts at once however long the journal is.",
)
def export(request: SignedInRequest) -> StreamingHttpResponse:
    response = StreamingHttpResponse(services.export(request.user, "json"), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{services.file_name(request.user, "json")}"'
    return response
