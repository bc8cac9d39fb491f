"""The Qt user interface: windows, dialogs, item models, charts and the background task runner."""
