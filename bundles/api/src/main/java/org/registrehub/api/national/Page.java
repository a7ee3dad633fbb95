package org.registrehub.api.national;

import java.util.List;

/**
 * One page of a national list.
 *
 * @param elements the elements, in the list's order
 * @param suite    true if more elements follow
 */
public record Page<T>(List<T> elements, boolean suite) {

    public Page {
        elements = elements == null ? List.of() : List.copyOf(elements);
    }
}
