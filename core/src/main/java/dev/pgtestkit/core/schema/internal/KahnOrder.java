package dev.pgtestkit.core.schema.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/** Kahn's topological sort with a priority among ready nodes, so equal inputs always give the same order. */
final class KahnOrder {

    private KahnOrder() {
    }

    /**
     * Orders the nodes so that each comes after the ones it must follow, by priority among the ready ones.
     *
     * @param size     nodes 0..size-1
     * @param after    {@code after.get(v)} are the nodes v must follow (v itself is ignored)
     * @param priority which ready node goes first
     * @return every node once; nodes left on a cycle come last, in priority order
     */
    static List<Integer> sort(int size, List<Set<Integer>> after, Comparator<Integer> priority) {
        int[] waitingFor = new int[size];
        List<List<Integer>> followers = new ArrayList<>();
        for (int v = 0; v < size; v++) {
            followers.add(new ArrayList<>());
        }
        for (int v = 0; v < size; v++) {
            for (int u : after.get(v)) {
                if (u != v) {
                    waitingFor[v]++;
                    followers.get(u).add(v);
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>(priority);
        for (int v = 0; v < size; v++) {
            if (waitingFor[v] == 0) {
                ready.add(v);
            }
        }
        List<Integer> order = new ArrayList<>(size);
        boolean[] placed = new boolean[size];
        while (!ready.isEmpty()) {
            int v = ready.poll();
            order.add(v);
            placed[v] = true;
            for (int follower : followers.get(v)) {
                if (--waitingFor[follower] == 0) {
                    ready.add(follower);
                }
            }
        }
        List<Integer> left = new ArrayList<>();
        for (int v = 0; v < size; v++) {
            if (!placed[v]) {
                left.add(v);
            }
        }
        left.sort(priority);
        order.addAll(left);
        return order;
    }
}
