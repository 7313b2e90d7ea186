"""Text analysis every engine shares: words, folding, stop words, stems and stored lengths.

Both engines index and search through these functions, so a query finds the same articles
whichever engine answers it. Nothing here imports an engine or a search library.
"""
