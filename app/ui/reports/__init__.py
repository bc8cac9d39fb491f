"""The client's dashboard, the agency overview's period logic and the report exports."""
