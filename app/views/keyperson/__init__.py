"""The 重点人员管控 platform's screens (declared in sections.py)."""
