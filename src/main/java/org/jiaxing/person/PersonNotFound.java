package org.jiaxing.person;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

public class PersonNotFound extends JiaxingException {

    private PersonNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "person.error.notFound", id);
    }

    public static PersonNotFound forId(long id) {
        return new PersonNotFound(id);
    }
}
