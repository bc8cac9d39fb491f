"""The product without a screen: domain, storage, sync, imports, reports. Imports no Qt."""
