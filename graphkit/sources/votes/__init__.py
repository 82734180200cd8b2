"""What every source of recorded votes shares: the dataset description, the checked table, its RDF, its matrix, its evidence.

A vote source (UN General Assembly, Human Rights Council, Security Council ...)
writes only its reader (files → :class:`~.table.VoteTable`) and its
:class:`~.dataset.VoteDataset`; the rest is here: :mod:`.rdf` (quads of its
named graph), :mod:`.matrix` (the position matrix), :mod:`.source`
(:class:`~.source.VoteSource`, what the analyses ask), :mod:`.evidence` (the
records behind an explanation) and :mod:`.audit` (tallies against reports).
"""
