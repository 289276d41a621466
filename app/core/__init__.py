"""Qt-free helpers shared by every layer: paths, errors, validation, text normalisation, search keys."""
