package dev.cachet.evals.stats;

import dev.cachet.evals.trace.TrajectoryTurn;
import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One session's calls read once into columns: its stats go through them a dozen times, and a {@link CallList} reads
 * a call's time and usage anew (an instant and a usage) each time.
 */
final class SessionCalls implements CallView {
    private final String[] agents;
    private final String[] models;
    private final Instant[] ats;
    private final Usage[] usages;
    private final boolean[] pings;

    private SessionCalls(int size) {
        agents = new String[size];
        models = new String[size];
        ats = new Instant[size];
        usages = new Usage[size];
        pings = new boolean[size];
    }

    static SessionCalls of(CallView calls) {
        SessionCalls read = new SessionCalls(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            read.agents[i] = calls.agent(i);
            read.models[i] = calls.model(i);
            read.ats[i] = calls.at(i);
            read.usages[i] = calls.usage(i);
            read.pings[i] = calls.ping(i);
        }
        return read;
    }

    @Override
    public int size() {
        return agents.length;
    }

    @Override
    public String agent(int i) {
        return agents[i];
    }

    @Override
    public String model(int i) {
        return models[i];
    }

    @Override
    public Instant at(int i) {
        return ats[i];
    }

    @Override
    public Usage usage(int i) {
        return usages[i];
    }

    @Override
    public boolean ping(int i) {
        return pings[i];
    }

    /** The indexes of the calls by agent: the session's own first, then each sub-agent in the order it first called. */
    Map<String, int[]> byAgent() {
        List<String> names = new ArrayList<>(List.of(TrajectoryTurn.MAIN));
        int[] agentOf = new int[size()];
        int[] counts = new int[1];
        for (int i = 0; i < size(); i++) {
            // A session has a few agents: a search of them beats a map lookup per call.
            int agent = names.indexOf(agents[i]);
            if (agent < 0) {
                agent = names.size();
                names.add(agents[i]);
                counts = Arrays.copyOf(counts, names.size());
            }
            agentOf[i] = agent;
            counts[agent]++;
        }
        Map<String, int[]> byAgent = new LinkedHashMap<>();
        int[][] indexes = new int[names.size()][];
        for (int agent = 0; agent < names.size(); agent++) {
            indexes[agent] = new int[counts[agent]];
            if (counts[agent] > 0) {
                byAgent.put(names.get(agent), indexes[agent]);
            }
        }
        int[] filled = new int[names.size()];
        for (int i = 0; i < size(); i++) {
            indexes[agentOf[i]][filled[agentOf[i]]++] = i;
        }
        return byAgent;
    }
}
