"""警务保障 (officer support): thirteen functions declared once and shown by the shared list screen, plus the
hand-built pieces that are truly special: self-service, approvals, polls, statistics and the permission matrix."""
