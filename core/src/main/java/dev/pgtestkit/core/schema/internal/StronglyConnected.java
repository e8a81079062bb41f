package dev.pgtestkit.core.schema.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Tarjan's strongly connected components, iterative so a chain of thousands of tables cannot overflow the stack.
 * Nodes are 0..n-1; components come out in reverse topological order of the condensation: a component is
 * emitted only after every component it has an edge to.
 */
final class StronglyConnected {

    private final int[][] edges;
    private final int[] index;
    private final int[] low;
    private final boolean[] onStack;
    private final Deque<Integer> stack = new ArrayDeque<>();
    private final List<List<Integer>> components = new ArrayList<>();
    private int counter;

    private StronglyConnected(int[][] edges) {
        this.edges = edges;
        this.index = new int[edges.length];
        this.low = new int[edges.length];
        this.onStack = new boolean[edges.length];
        Arrays.fill(index, -1);
    }

    /** @param edges {@code edges[v]} lists the nodes v points to */
    static List<List<Integer>> components(int[][] edges) {
        StronglyConnected tarjan = new StronglyConnected(edges);
        for (int v = 0; v < edges.length; v++) {
            if (tarjan.index[v] < 0) {
                tarjan.visit(v);
            }
        }
        return tarjan.components;
    }

    private void visit(int root) {
        Deque<int[]> calls = new ArrayDeque<>();
        open(root);
        calls.push(new int[] {root, 0});
        while (!calls.isEmpty()) {
            int[] frame = calls.peek();
            int v = frame[0];
            if (frame[1] < edges[v].length) {
                int w = edges[v][frame[1]++];
                if (index[w] < 0) {
                    open(w);
                    calls.push(new int[] {w, 0});
                } else if (onStack[w]) {
                    low[v] = Math.min(low[v], index[w]);
                }
            } else {
                calls.pop();
                if (!calls.isEmpty()) {
                    int parent = calls.peek()[0];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == index[v]) {
                    close(v);
                }
            }
        }
    }

    private void open(int v) {
        index[v] = counter;
        low[v] = counter;
        counter++;
        stack.push(v);
        onStack[v] = true;
    }

    private void close(int v) {
        List<Integer> component = new ArrayList<>();
        int w;
        do {
            w = stack.pop();
            onStack[w] = false;
            component.add(w);
        } while (w != v);
        components.add(component);
    }
}
