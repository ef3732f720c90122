"""A person's own data: shown, and downloadable as JSON."""

import json

from django.http import HttpResponse
from django.shortcuts import render

from ..personal_data import personal_data


def my_data(request):
    data = personal_data(request.user)
    if request.GET.get("format") == "json":
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = (
            'attachment; filename="mine-opplysninger-oxlo.json"'
        )
        return response
    return render(request, "reporting/my_data.html", {"data": data})
