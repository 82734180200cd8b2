"""The curated acts of the data folder: positions as records, items (occasions or acts), selections."""
