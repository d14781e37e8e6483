"""What an import did, for the summary the command prints at the end."""

from collections import Counter
from dataclasses import dataclass, field

from mi_site.core.sync import CREATED, UNCHANGED, UPDATED


@dataclass
class Report:
    dry_run: bool = False
    counts: dict[str, Counter] = field(
        default_factory=lambda: {"article": Counter(), "page": Counter()}
    )
    skipped: list[str] = field(default_factory=list)
    others: Counter = field(default_factory=Counter)
    images: list[str] = field(default_factory=list)
    alt_from_title: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    unknown_categories: dict[str, int] = field(default_factory=dict)
    images_copied: int = 0
    images_reused: int = 0

    def count(self, label: str, action: str) -> None:
        self.counts[label][action] += 1

    def total(self, action: str) -> int:
        return sum(counter[action] for counter in self.counts.values())

    def lines(self) -> list[str]:
        lines = ["Dry run: nothing was saved and no file was written."] if self.dry_run else []
        for label, counter in self.counts.items():
            lines.append(
                f"{label.capitalize()}s: {counter[CREATED]} created, {counter[UPDATED]} updated, "
                f"{counter[UNCHANGED]} unchanged."
            )
        lines.append(
            f"Images: {self.images_copied} copied, {self.images_reused} already stored, "
            f"{len(self.images)} not imported."
        )
        lines += _section(f"Skipped ({len(self.skipped)})", self.skipped)
        if self.others:
            kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.others.items()))
            lines.append(f"Not imported, being neither posts nor pages: {kinds}.")
        lines += _section("Images not imported (the item was imported without them)", self.images)
        lines += _section(
            "Hero images without alternative text in WordPress: the attachment's title is used "
            "as the alternative text; check it",
            self.alt_from_title,
        )
        unknown = [
            f"\u201c{name}\u201d ({n} post{'s' if n != 1 else ''})"
            for name, n in sorted(self.unknown_categories.items())
        ]
        lines += _section(
            "Categories matching no department or theme (map them with --categories)", unknown
        )
        lines += _section("Old addresses not kept", self.addresses)
        return lines


def _section(title: str, entries: list[str]) -> list[str]:
    return [f"{title}:", *(f"  {entry}" for entry in entries)] if entries else []
