"""What every app's web views share: the signed-in request type (with django-htmx's `request.htmx`
typed, as django-htmx's own example project does), putting a service's errors on a form, a safe
`next` to go back to, the 404 for what a service can't find, and the signed-in request a template tag
draws for."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from django.http import Http404, HttpRequest

from glimmers.lib.errors import NotFound

if TYPE_CHECKING:
    from django import forms, template
    from django.core.exceptions import ValidationError
    from django_htmx.middleware import HtmxDetails

    from glimmers.accounts.models import User


class SignedInRequest(HttpRequest):
    """A request to a view that only runs for a signed-in person (SignInRequiredMiddleware sees to it)."""

    user: User
    htmx: HtmxDetails


def signed_in_request(context: template.Context) -> SignedInRequest | None:
    """For a template tag on every page: the request, when someone is signed in (an error page or the
    sign-in page has none, and shows the tag's part hidden)."""
    request = context.get("request")
    return request if request is not None and request.user.is_authenticated else None


def attach_errors(form: forms.Form, error: ValidationError) -> None:
    """Show each of a service's messages beside the field it is about (on the form as a whole when it
    names no field the form has)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def safe_next(request: HttpRequest, default: str) -> str:
    """The posted `next` when it points back into this site; `default` otherwise (never another host)."""
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


@contextmanager
def found_or_404(missing: str = "Nothing here with that id") -> Iterator[None]:
    """A service's NotFound (missing, or someone else's: the same answer) becomes the 404 page."""
    try:
        yield
    except NotFound:
        raise Http404(missing) from None
