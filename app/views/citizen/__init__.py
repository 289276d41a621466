"""民生警务: the citizen service back office."""
