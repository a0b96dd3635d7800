package dev.hybridconf.rapporteur.analysis;

import java.util.List;
import java.util.Map;

/** A moderators' theme tag ({@code ThemeTags.key}) and the breakouts that used it; labels per language. */
public record ThemeCount(String key, Map<String, String> labels, int breakouts, List<String> sessionIds) {
}
