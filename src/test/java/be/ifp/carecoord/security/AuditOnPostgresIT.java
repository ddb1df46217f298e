package be.ifp.carecoord.security;

import be.ifp.carecoord.support.PostgresServerTest;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;

class AuditOnPostgresIT extends PostgresServerTest implements AuditContract {

  @Autowired private DataSource database;

  @Override
  public DataSource database() {
    return database;
  }
}
