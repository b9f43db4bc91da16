package org.jiaxing.code.domain;

import java.util.Map;
import org.jiaxing.code.CodeGenerations;
import org.springframework.stereotype.Service;

@Service
class CodeGenerationsService implements CodeGenerations {

    private final Generations generations;

    CodeGenerationsService(Generations generations) {
        this.generations = generations;
    }

    @Override
    public Map<Long, Integer> reissued() {
        return Map.copyOf(generations.reissued());
    }
}
