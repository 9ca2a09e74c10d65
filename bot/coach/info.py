"""What the coach explains: /why (a rule's reasoning and sources) and /help (the guide)."""

from __future__ import annotations

from bot.coach import help_text
from bot.coach.commands import COMMAND_TABLE, MESSAGE_MENUS, help_line, menu_line
from bot.coach.replies import Reply, error_reply
from bot.domain.advice import RULES, explain


class Info:
    """Answers that need nothing of the lifter: the same for everyone."""

    async def why(self, rule_id: str) -> Reply:
        rule = explain(rule_id.strip())
        if rule is None:
            return error_reply(
                f"There is no rule '{rule_id.strip()}'.",
                "Rule ids are " + ", ".join(RULES) + ".", "/why A1",
            )
        return Reply(
            title=f"[{rule.rule_id}] {rule.title}",
            lines=(rule.reasoning,),
            fields=(("Sources", "; ".join(rule.sources)),),
            rule_ids=(rule.rule_id,),
        )

    async def help(self) -> Reply:
        """Every command, from the one table the edges are checked against."""
        return Reply(
            title="liftcoach: when to train to failure",
            lines=(*(help_line(spec) for spec in COMMAND_TABLE),
                   *(menu_line(spec) for spec in MESSAGE_MENUS)),
            fields=(("How to write a log", "\n".join(help_text.NOTATION)),
                    ("Tiers", "\n".join(help_text.TIERS))),
            private=True,
        )
