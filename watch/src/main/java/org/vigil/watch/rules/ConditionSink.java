package org.vigil.watch.rules;

/** Where the rules put what they find: a condition that holds, or one that has cleared. */
public interface ConditionSink {

    /** The condition holds (again, maybe: the sink ignores a key already active). */
    void hold(Condition condition);

    /** The condition of this key no longer holds (the sink ignores a key not active). */
    void clear(String key);
}
