package io.kisflow.designer.debug;

import java.util.ArrayList;
import java.util.List;

/**
 * The tags the debugger puts on a function card, in full: where its code comes from (the built-in
 * behaviour of its connector, "PINNED ROWS", "no code", "does not compile") and what a dry run does to
 * it. The canvas draws them, shortened to the card's width; its tooltip shows them whole.
 *
 * <pre>{@code String top = CardTags.code(card);  // "built-in · RPUSH stu_score12_avg_", or null}</pre>
 */
public final class CardTags {
    private CardTags() {
    }

    /** The tag on the card's top edge, in full; null when its code needs no word (a plugin, a source file). */
    public static String code(CardState c) {
        CodeSource source = c.codeSourceProperty().get();
        if (source == null) {
            return null;
        }
        return switch (source) {
            case BUILT_IN -> c.builtInProperty().get();
            case PINNED -> "PINNED ROWS";
            case PASS_THROUGH -> "no code";
            case UNCOMPILED -> "does not compile";
            default -> null;
        };
    }

    /** The tag on the card's bottom edge in a dry run; null when the dry run does not touch the card. */
    public static String dryRun(DryRunEffect effect) {
        if (effect == null || effect == DryRunEffect.NONE) {
            return null;
        }
        return effect == DryRunEffect.NEEDS_PIN ? "DRY RUN · pin its rows" : "DRY RUN · calls recorded";
    }

    /** Every tag of the card, top edge first (a failed card shows no dry-run tag). */
    public static List<String> of(CardState c) {
        List<String> tags = new ArrayList<>();
        String code = code(c);
        if (code != null) {
            tags.add(code);
        }
        String dry = c.statusProperty().get() == CardStatus.FAILED ? null : dryRun(c.dryRunEffectProperty().get());
        if (dry != null) {
            tags.add(dry);
        }
        return tags;
    }
}
