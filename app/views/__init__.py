"""Qt widgets, item models, delegates, charts and dialogs: one sub-package per platform plus common/."""
