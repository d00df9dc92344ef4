"""Low-energy mode moves from the kit's settings to the person's profile (accounts.User.low_energy), where
every app reads it. Each person's choice is copied over before the kit's column goes; going back copies
it back."""

from django.db import migrations


def to_profile(apps, schema_editor):  # type: ignore[no-untyped-def]
    KitSettings = apps.get_model("kit", "KitSettings")
    User = apps.get_model("accounts", "User")
    owners = KitSettings.objects.filter(low_energy=True).values("owner_id")
    User.objects.filter(pk__in=owners).update(low_energy=True)


def to_kit(apps, schema_editor):  # type: ignore[no-untyped-def]
    KitSettings = apps.get_model("kit", "KitSettings")
    User = apps.get_model("accounts", "User")
    for user_id in User.objects.filter(low_energy=True).values_list("pk", flat=True):
        KitSettings.objects.update_or_create(owner_id=user_id, defaults={"low_energy": True})


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_low_energy_on_the_profile"),
        ("kit", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(to_profile, to_kit, elidable=False),
        migrations.RemoveField(model_name="kitsettings", name="low_energy"),
    ]
