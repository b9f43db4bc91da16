package org.jiaxing.person.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.jiaxing.person.PersonDetails;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttribute;

/**
 * The scan path's person look-up goes through no transaction interceptor (it is a cache hit nearly always),
 * while every method that writes still runs in a transaction.
 */
class PersonServiceTransactionsTests {

    private final AnnotationTransactionAttributeSource source = new AnnotationTransactionAttributeSource(false);

    @Test
    void findByIdIsNotTransactional() throws NoSuchMethodException {
        assertThat(attribute(PersonService.class.getMethod("find", long.class))).isNull();
    }

    @Test
    void theWritesAreTransactional() throws NoSuchMethodException {
        for (Method method : new Method[] {PersonService.class.getMethod("registerOrUpdate", PersonDetails.class),
                PersonService.class.getMethod("rename", long.class, String.class),
                PersonService.class.getMethod("reveal", long.class, String.class, String.class)}) {
            assertThat(attribute(method)).as(method.getName()).isNotNull()
                    .extracting(TransactionAttribute::getPropagationBehavior)
                    .isEqualTo(TransactionDefinition.PROPAGATION_REQUIRED);
        }
    }

    private TransactionAttribute attribute(Method method) {
        return source.getTransactionAttribute(method, PersonService.class);
    }
}
