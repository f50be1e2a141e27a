"""text: the ground floor every stage stands on, importing none of them.

Bytes → text (`charset`: BOM, strict UTF-8, windows-1258/1252 by their letters; `legacy`:
TCVN3/VNI/VISCII font encodings), the letters only Vietnamese writes (`letters`), folding for
comparison (`fold`), dates as documents print them (`dates`) and Roman numerals (`numerals`).
"""
