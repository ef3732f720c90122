"""The portal's three roles as Django groups, and the permissions each holds.

The one mechanism that creates them: `sync_roles_after_migrate` runs after every
`migrate` and `flush` and makes each group hold exactly the permissions below."""

from .permissions import ADMIN_GROUP, ADVISER_GROUP, CONTACT_GROUP

ROLES = {
    CONTACT_GROUP: [],
    ADVISER_GROUP: [
        "reporting.review_report",
        "reporting.export_report",
        "reporting.view_report",
        "reporting.view_unit",
    ],
    ADMIN_GROUP: [
        "circulars.publish_circular",
        "circulars.add_circular",
        "circulars.change_circular",
        "circulars.delete_circular",
        "circulars.view_circular",
        "circulars.add_section",
        "circulars.change_section",
        "circulars.delete_section",
        "circulars.view_section",
        "circulars.add_question",
        "circulars.change_question",
        "circulars.delete_question",
        "circulars.view_question",
        "circulars.add_rule",
        "circulars.change_rule",
        "circulars.delete_rule",
        "circulars.view_rule",
        "circulars.add_document",
        "circulars.change_document",
        "circulars.delete_document",
        "circulars.view_document",
        "reporting.add_unit",
        "reporting.change_unit",
        "reporting.view_unit",
        "reporting.add_membership",
        "reporting.change_membership",
        "reporting.delete_membership",
        "reporting.view_membership",
        "reporting.view_report",
        "reporting.add_adviserassignment",
        "reporting.change_adviserassignment",
        "reporting.delete_adviserassignment",
        "reporting.view_adviserassignment",
        "reporting.add_groupmapping",
        "reporting.change_groupmapping",
        "reporting.delete_groupmapping",
        "reporting.view_groupmapping",
        "reporting.view_invitation",
        "reporting.view_sentreminder",
        "reporting.reopen_report",
        "reporting.review_report",
        "reporting.export_report",
        "auth.add_user",
        "auth.change_user",
        "auth.view_user",
    ],
}


def sync_roles(group_model, permission_model) -> None:
    """Create each role's group and give it its permissions (idempotent)."""
    for name, codes in ROLES.items():
        group, _ = group_model.objects.get_or_create(name=name)
        wanted = []
        for code in codes:
            app_label, codename = code.split(".")
            wanted.append(
                permission_model.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )
        group.permissions.set(wanted)


def sync_roles_after_migrate(sender, **kwargs) -> None:
    """Keep the roles present after every migrate or flush (tests flush often)."""
    from django.contrib.auth.models import Group, Permission

    sync_roles(Group, Permission)
