"""Exports of a client report: tables (CSV, XLSX), the PDF report, offline-conversion uploads."""
