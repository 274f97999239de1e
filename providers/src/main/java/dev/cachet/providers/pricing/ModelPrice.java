package dev.cachet.providers.pricing;

import dev.cachet.context.strategy.CacheRates;
import dev.cachet.providers.Usage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * Prices of one model in US dollars per million tokens. Cache writes are priced at the 5-minute rate, which is what
 * a breakpoint without a TTL buys, except those a usage counts as 1-hour writes ({@link Usage#cacheWrite1h()});
 * {@link #withOneHourWrites()} gives the prices of a session that caches for 1 hour throughout.
 *
 * @param longContext the prices of a request whose prompt is longer, where the model has such a tier
 */
public record ModelPrice(
        double input,
        double output,
        double cacheWrite5m,
        double cacheWrite1h,
        double cacheRead,
        Optional<LongContext> longContext) {
    /** What a model on a server of your own costs. */
    public static final ModelPrice FREE = new ModelPrice(0, 0, 0, 0, 0);

    private static final double PER_TOKEN = 1e-6;
    private static final Duration ONE_HOUR = Duration.ofHours(1);

    /**
     * The prices a request pays on every token, output too, once its prompt (uncached, written and read tokens)
     * passes {@code aboveTokens}: Anthropic bills "requests that exceed 200K input tokens" so with the 1M context of
     * Sonnet 4 and 4.5, OpenAI GPT-5.5 past 272K, Google Gemini Pro past 200K.
     */
    public record LongContext(long aboveTokens, ModelPrice price) {
        public LongContext {
            if (price.longContext().isPresent()) {
                throw new IllegalArgumentException("a long-context price has no tier of its own");
            }
        }
    }

    /** Prices the same at any prompt length. */
    public ModelPrice(double input, double output, double cacheWrite5m, double cacheWrite1h, double cacheRead) {
        this(input, output, cacheWrite5m, cacheWrite1h, cacheRead, Optional.empty());
    }

    /** These prices with {@code tier} for longer prompts. */
    public ModelPrice above(long aboveTokens, ModelPrice tier) {
        return new ModelPrice(input, output, cacheWrite5m, cacheWrite1h, cacheRead,
                Optional.of(new LongContext(aboveTokens, tier)));
    }

    /**
     * Every price, a tier's too, {@code factor} times this one, as Anthropic's fast mode bills: multiplied as the
     * decimals they print as, so that 0.4 six times is 2.4, as a price list writes it.
     */
    public ModelPrice times(double factor) {
        return new ModelPrice(times(input, factor), times(output, factor), times(cacheWrite5m, factor),
                times(cacheWrite1h, factor), times(cacheRead, factor),
                longContext.map(tier -> new LongContext(tier.aboveTokens(), tier.price().times(factor))));
    }

    private static double times(double price, double factor) {
        return BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(factor)).doubleValue();
    }

    /** The prices a request with a prompt of {@code promptTokens} pays. */
    public ModelPrice forPrompt(long promptTokens) {
        return longContext.filter(tier -> promptTokens > tier.aboveTokens()).map(LongContext::price).orElse(this);
    }

    public double inputCost(Usage usage) {
        return inputCost(usage.uncachedInput(), usage.cacheWrite5m(), usage.cacheWrite1h(), usage.cacheRead());
    }

    private double inputCost(long uncachedInput, long cacheWrite5m, long cacheWrite1h, long cacheRead) {
        return forPrompt(uncachedInput + cacheWrite5m + cacheWrite1h + cacheRead)
                .atThisTier(uncachedInput, cacheWrite5m, cacheWrite1h, cacheRead);
    }

    private double atThisTier(long uncachedInput, long cacheWrite5m, long cacheWrite1h, long cacheRead) {
        return PER_TOKEN * (uncachedInput * input
                + cacheWrite5m * this.cacheWrite5m
                + cacheWrite1h * this.cacheWrite1h
                + cacheRead * this.cacheRead);
    }

    /** These prices for requests that cache for an hour: every cache write is billed at the 1-hour rate. */
    public ModelPrice withOneHourWrites() {
        return new ModelPrice(input, output, cacheWrite1h, cacheWrite1h, cacheRead, longContext.map(tier ->
                new LongContext(tier.aboveTokens(), tier.price().withOneHourWrites())));
    }

    /** Cache prices as multiples of the input price, which is what strategies weigh compactions with. */
    public CacheRates cacheRates() {
        return cacheRates(CacheRates.DEFAULT_TTL);
    }

    /**
     * The cache prices of a prefix that lives {@code lifetime}: written at the 1-hour rate from an hour up. A free model
     * (a local one, priced at zeros) has no discount to weigh: reads and writes cost what input costs. A long-context
     * tier is weighed as its input price over the base one, as Anthropic's tiers and the bundled ones scale every
     * price alike.
     */
    public CacheRates cacheRates(Duration lifetime) {
        if (input == 0) {
            return new CacheRates(1, 1, lifetime);
        }
        double write = lifetime.compareTo(ONE_HOUR) < 0 ? cacheWrite5m : cacheWrite1h;
        return new CacheRates(write / input, cacheRead / input, lifetime, longContext.map(tier ->
                new CacheRates.LongPrompt(tier.aboveTokens(), tier.price().input() / input)));
    }

    public double cost(Usage usage) {
        return cost(usage.uncachedInput(), usage.cacheWrite(), usage.cacheRead(), usage.output(), usage.cacheWrite1h());
    }

    /**
     * The cost of a usage given as its counts, the same to the last bit as {@link #cost(Usage)}'s: a report that prices
     * every call of a year of logs need not make a usage of each.
     */
    public double cost(long uncachedInput, long cacheWrite, long cacheRead, long output, long cacheWrite1h) {
        return inputCost(uncachedInput, cacheWrite - cacheWrite1h, cacheWrite1h, cacheRead)
                + PER_TOKEN * output * forPrompt(uncachedInput + cacheWrite + cacheRead).output;
    }
}
