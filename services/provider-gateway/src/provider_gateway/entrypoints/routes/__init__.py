"""One router per part of the catalog API."""
