"""Sign-in, sign-out, first run, and Settings: thin views over accounts.services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from glimmers.accounts import services
from glimmers.accounts.forms import FirstRunForm, NewTokenForm, PasswordForm, ProfileForm, SignInForm
from glimmers.accounts.models import User
from glimmers.lib.errors import NotFound
from glimmers.lib.http import SignedInRequest


class SignInView(LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # After the last account is erased the server keeps running: say how to make a new one.
        return {**super().get_context_data(**kwargs), "no_accounts": not services.any_user_exists()}


sign_in = login_not_required(SignInView.as_view())


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    response = redirect("accounts:sign_in")
    # Nothing private stays behind in this browser: not in its cache, nor htmx's history, nor storage.
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


@login_not_required
@require_http_methods(["GET", "POST"])
def first_run(request: HttpRequest, token: str) -> HttpResponse:
    if not services.first_run_link_is_live(token):
        return render(request, "accounts/first_run_spent.html", status=410)
    form = FirstRunForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.complete_first_run(
                token,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password"],
                time_zone=form.cleaned_data["time_zone"],
            )
        except ValidationError as error:
            _attach(form, error)
        except NotFound:
            return render(request, "accounts/first_run_spent.html", status=410)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welcome, {user.username}. Glimmers is ready for you.")
            return redirect("journal:today")
    return render(request, "accounts/first_run.html", {"form": form})


def _attach(form: Any, error: ValidationError) -> None:
    """Put a service's message beside the field it is about."""
    field_for_code = {
        "taken": "username",
        "invalid_username": "username",
        "required": "username",
        "max_length": "username",
        "time_zone": "time_zone",
    }
    for item in error.error_list:
        form.add_error(field_for_code.get(item.code or "", "password"), item.messages[0])


@require_http_methods(["GET", "POST"])
def settings_page(request: SignedInRequest) -> HttpResponse:
    user = request.user
    profile = ProfileForm(request.POST or None, initial=_profile_initial(user))
    if request.method == "POST" and profile.is_valid():
        try:
            services.update_profile(user, **profile.cleaned_data)
        except ValidationError as error:
            _attach(profile, error)
        else:
            messages.success(request, "Saved.")
            return redirect("accounts:settings")
    return _render_settings(request, profile=profile)


def _profile_initial(user: User) -> dict[str, Any]:
    return {"time_zone": user.time_zone, "on_this_day": user.on_this_day, "from_before": user.from_before}


def _render_settings(request: SignedInRequest, **context: Any) -> HttpResponse:
    user = request.user
    context.setdefault("profile", ProfileForm(initial=_profile_initial(user)))
    context.setdefault("token_form", NewTokenForm())
    context["tokens"] = services.list_tokens(user)
    return render(request, "accounts/settings.html", context)


@require_http_methods(["GET", "POST"])
def change_password(request: SignedInRequest) -> HttpResponse:
    form = PasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():  # the form checks the current password and the two copies
        user = request.user
        try:
            services.set_password(user, form.cleaned_data["new_password1"])  # one path, as `user set-password`
        except ValidationError as error:
            form.add_error("new_password1", error)
        else:
            update_session_auth_hash(request, user)  # stay signed in here; other sessions end
            messages.success(request, "Your password is changed.")
            return redirect("accounts:settings")
    return render(request, "accounts/password.html", {"form": form})


@require_POST
def token_create(request: SignedInRequest) -> HttpResponse:
    form = NewTokenForm(request.POST)
    if not form.is_valid():
        return _render_settings(request, token_form=form)
    token, plain = services.create_token(
        request.user,
        name=form.cleaned_data["name"],
        read_only=form.cleaned_data["read_only"],
    )
    return _render_settings(request, new_token=plain, new_token_row=token)


@require_POST
def token_revoke(request: SignedInRequest, key_id: str) -> HttpResponse:
    try:
        services.revoke_token(request.user, key_id)
    except NotFound:
        return render(request, "glimmers/404.html", status=404)
    messages.success(request, f"Token {key_id} is revoked.")
    return redirect("accounts:settings")
