package dev.justiam.server.common;

import java.util.List;

/** One page of rows and the total count matching the filters. */
public record PageResult<T>(List<T> rows, long total, PageRequest page) {
}
