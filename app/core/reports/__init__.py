"""Reports: channel costs, CRM deals, the numbers per client and period, and their exports."""
