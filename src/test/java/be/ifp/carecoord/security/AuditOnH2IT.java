package be.ifp.carecoord.security;

import be.ifp.carecoord.support.H2ServerTest;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;

class AuditOnH2IT extends H2ServerTest implements AuditContract {

  @Autowired private DataSource database;

  @Override
  public DataSource database() {
    return database;
  }
}
