"""指挥调度: orders every officer must acknowledge, incidents with a permanent timeline, the duty board."""
