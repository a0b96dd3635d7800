package dev.hybridconf.rapporteur.analysis;

import java.util.List;

public record SdgCount(int sdg, int breakouts, List<String> sessionIds) {
}
