"""The client's Costs tab: what each channel cost, entered or imported, and CRM deal imports."""
