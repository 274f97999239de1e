package dev.cachet.providers.pricing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names one model goes by. Logs and routers name a model with a provider or router prefix
 * ({@code anthropic/claude-sonnet-4-5}, {@code openrouter/meta-llama/llama-4-maverick}), a Bedrock region and version
 * ({@code us.anthropic.claude-3-5-sonnet-20241022-v2:0}), a Vertex snapshot ({@code claude-3-5-sonnet@20240620}), a
 * snapshot date ({@code claude-sonnet-4-5-20250929}, {@code gpt-4o-2024-08-06}), {@code -latest}, a router's variant
 * ({@code :free}), a context tag ({@code [1m]}) or a proxy's alias for a routed model
 * ({@code openai/openrouter-llama-4-maverick}, as OpenHands names a model it reaches through a LiteLLM proxy in front of
 * OpenRouter); each bills as the model without them, but for a Bedrock regional endpoint of a newer Claude model
 * ({@link #bedrockRegionalPremium}). A response Anthropic's fast mode served is named as its model with
 * {@code -fast} after every such decoration ({@code claude-opus-4-6-fast}), as ccusage names it: it bills otherwise.
 */
final class ModelNames {
    private static final Pattern FAST = Pattern.compile("-fast$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTEXT_TAG = Pattern.compile("\\[[^]]*]$");
    /** A proxy's alias that names the router in front of the model: {@code openrouter-llama-4-maverick}. */
    private static final Pattern ROUTER_ALIAS = Pattern.compile("^openrouter-");
    private static final Pattern BEDROCK_REGION = Pattern.compile("^(us|eu|apac|au|jp|global|us-gov)\\.");
    private static final Pattern BEDROCK_VENDOR =
            Pattern.compile("^(anthropic|meta|deepseek|qwen|openai|mistral|amazon|moonshot|moonshotai|zai)\\.");
    /** Anthropic's models at a Bedrock geography's cross-region endpoint: not the global one. */
    private static final Pattern BEDROCK_REGIONAL_CLAUDE = Pattern.compile("(?:us|eu|apac|au|jp|us-gov)\\.anthropic\\.");
    /** A Claude model's major and minor version as Anthropic names it: {@code claude-sonnet-4-5}, {@code claude-opus-5}. */
    private static final Pattern CLAUDE_VERSION = Pattern.compile("claude-(?:opus|sonnet|haiku)-(\\d+)(?:-(\\d))?");
    private static final Pattern BEDROCK_VERSION = Pattern.compile("-v\\d+(:\\d+)?$|:\\d+$");
    private static final Pattern VERTEX_SNAPSHOT = Pattern.compile("@(\\d{8}|latest|default)$");
    private static final Pattern ROUTER_VARIANT = Pattern.compile(":(free|beta|extended|thinking|nitro|floor)$");
    private static final Pattern LATEST = Pattern.compile("-latest$");
    private static final Pattern SNAPSHOT_DATE = Pattern.compile("-(\\d{8}|\\d{4}-\\d{2}-\\d{2})$");
    /** Claude's versions as routers write them, {@code claude-sonnet-4.5}, are Anthropic's {@code claude-sonnet-4-5}. */
    private static final Pattern CLAUDE_DOTTED_VERSION = Pattern.compile("(?<=\\d)\\.(?=\\d)");

    private ModelNames() {}

    /** The names to look {@code model} up by, most specific first: as given, then shed of one decoration at a time. */
    static List<String> candidates(String model) {
        Matcher fast = FAST.matcher(model.strip());
        if (fast.find() && fast.start() > 0) {
            return candidates(model.strip().substring(0, fast.start())).stream().map(name -> name + PriceTable.FAST)
                    .toList();
        }
        Set<String> names = new LinkedHashSet<>();
        String name = model.strip();
        names.add(name);
        name = name.toLowerCase(Locale.ROOT);
        names.add(name);
        name = CONTEXT_TAG.matcher(name).replaceFirst("");
        names.add(name);
        name = name.substring(name.lastIndexOf('/') + 1);
        names.add(name);
        name = ROUTER_ALIAS.matcher(name).replaceFirst("");
        names.add(name);
        name = BEDROCK_VENDOR.matcher(BEDROCK_REGION.matcher(name).replaceFirst("")).replaceFirst("");
        names.add(name);
        name = BEDROCK_VERSION.matcher(name).replaceFirst("");
        name = VERTEX_SNAPSHOT.matcher(name).replaceFirst("");
        name = ROUTER_VARIANT.matcher(name).replaceFirst("");
        names.add(name);
        name = LATEST.matcher(name).replaceFirst("");
        names.add(name);
        name = SNAPSHOT_DATE.matcher(name).replaceFirst("");
        names.add(name);
        if (name.startsWith("claude-")) {
            names.add(CLAUDE_DOTTED_VERSION.matcher(name).replaceAll("-"));
        }
        names.remove("");
        return List.copyOf(names);
    }

    /**
     * Whether {@code model} names one of Bedrock's regional endpoints of a Claude model that bills them a tenth more
     * than its global one: a geography's cross-region endpoint ({@code us.anthropic.claude-sonnet-4-5-...}) of Claude
     * Sonnet 4.5 or a later model. Older models bill every endpoint alike; a name without a prefix bills the list
     * price, as LiteLLM's list prices it.
     */
    static boolean bedrockRegionalPremium(String model) {
        String name = model.strip().toLowerCase(Locale.ROOT);
        if (!BEDROCK_REGIONAL_CLAUDE.matcher(name.substring(name.lastIndexOf('/') + 1)).lookingAt()) {
            return false;
        }
        Matcher version = CLAUDE_VERSION.matcher(plainest(name));
        if (!version.matches()) {
            return false;
        }
        int major = Integer.parseInt(version.group(1));
        int minor = version.group(2) == null ? 0 : Integer.parseInt(version.group(2));
        return major > 4 || major == 4 && minor >= 5;
    }

    /** The plainest name of {@code model}: what every one of its names comes down to. */
    static String plainest(String model) {
        List<String> names = candidates(model);
        return names.isEmpty() ? "" : names.get(names.size() - 1);
    }
}
