"""Administration screens: users and roles, the audit trail."""
