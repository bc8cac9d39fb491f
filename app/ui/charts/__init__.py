"""Charts of a client's leads: matplotlib figures on ``FigureCanvasQTAgg``, fed plain series.

matplotlib is imported only when a chart first has something to draw, so start-up never pays
for it.
"""
