"""Printed forms and lists as PDF bytes (reportlab, Qt-free).

Modules: ``fonts`` (embeddable Chinese fonts), ``layout`` (pages, styles), ``document`` (:class:`FormBuilder`),
``official`` (GB/T 9704 documents), ``list_report`` (any list), ``tables``, ``grid_text``, ``qr``, ``batch``.
Nothing is imported here so that importing the package stays cheap; reportlab loads when first printing.
"""
