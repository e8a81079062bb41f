CREATE TABLE ok_table (id int PRIMARY KEY);
CREATE TABLE broken (id int REFERENCES no_such_table(id));
