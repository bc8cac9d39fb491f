"""The agency overview: every client on one page with what needs attention."""
