"""The UN General Assembly roll-call votes (Voeten / unvotes and UN Digital Library layouts)."""
