"""Your data: download everything, and erase the account. Thin views over the portability services."""

from __future__ import annotations

from django.contrib.auth import logout
from django.http import HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from glimmers.accounts import services as accounts
from glimmers.lib.http import SignedInRequest
from glimmers.portability import services
from glimmers.portability.forms import EraseForm, ExportForm


@require_GET
def data(request: SignedInRequest) -> HttpResponse:
    return render(request, "portability/data.html", {"form": ExportForm()})


@require_GET
def export(request: SignedInRequest) -> HttpResponseBase:
    form = ExportForm(request.GET)
    if not form.is_valid():
        return render(request, "portability/data.html", {"form": form}, status=400)
    name = form.cleaned_data["format"]
    chosen = services.export_format(name)
    response = StreamingHttpResponse(services.export(request.user, name), content_type=chosen.content_type)
    response["Content-Disposition"] = f'attachment; filename="{services.file_name(request.user, name)}"'
    return response


@require_http_methods(["GET", "POST"])
def erase(request: SignedInRequest) -> HttpResponse:
    form = EraseForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        accounts.delete_user(user)
        response = render(request, "portability/erased.html")
        response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        return response
    return render(request, "portability/erase.html", {"form": form})
