"""wiredesk: raw news pages in, a cleaned, deduplicated, validated open dataset out."""

__version__ = "0.1.0"
