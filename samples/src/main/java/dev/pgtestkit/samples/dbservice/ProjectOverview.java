package dev.pgtestkit.samples.dbservice;

import java.math.BigDecimal;

/** A line of the projects screen: the project, its number of prompts and what its LLM calls cost. */
public record ProjectOverview(String slug, String name, long prompts, BigDecimal costUsd) {
}
